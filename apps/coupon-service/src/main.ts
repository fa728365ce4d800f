import './instrumentation';
import { exitOnStartFailure } from '@sneakers/kit';
import { startCouponService } from './service';

startCouponService().catch(exitOnStartFailure('coupon-service'));
