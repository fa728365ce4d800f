import './instrumentation';
import { exitOnStartFailure } from '@sneakers/kit';
import { startOrderService } from './service';

startOrderService().catch(exitOnStartFailure('order-service'));
