import './instrumentation';
import { exitOnStartFailure } from '@sneakers/shared';
import { startCouponService } from './service';

startCouponService().catch(exitOnStartFailure('coupon-service'));
