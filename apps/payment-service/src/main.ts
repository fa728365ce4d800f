import './instrumentation';
import { exitOnStartFailure } from '@sneakers/kit';
import { startPaymentService } from './service';

startPaymentService().catch(exitOnStartFailure('payment-service'));
