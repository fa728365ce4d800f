import './instrumentation';
import { exitOnStartFailure } from '@sneakers/shared';
import { startOrderService } from './service';

startOrderService().catch(exitOnStartFailure('order-service'));
