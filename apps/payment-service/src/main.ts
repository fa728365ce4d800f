import './instrumentation';
import { exitOnStartFailure } from '@sneakers/shared';
import { startPaymentService } from './service';

startPaymentService().catch(exitOnStartFailure('payment-service'));
