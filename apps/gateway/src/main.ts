import './instrumentation';
import { exitOnStartFailure } from '@sneakers/kit';
import { startGateway } from './service';

startGateway().catch(exitOnStartFailure('gateway'));
