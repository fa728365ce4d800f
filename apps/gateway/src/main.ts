import './instrumentation';
import { exitOnStartFailure } from '@sneakers/shared';
import { startGateway } from './service';

startGateway().catch(exitOnStartFailure('gateway'));
