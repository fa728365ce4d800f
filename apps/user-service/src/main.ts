import './instrumentation';
import { exitOnStartFailure } from '@sneakers/shared';
import { startUserService } from './service';

startUserService().catch(exitOnStartFailure('user-service'));
