import './instrumentation';
import { exitOnStartFailure } from '@sneakers/kit';
import { startUserService } from './service';

startUserService().catch(exitOnStartFailure('user-service'));
