import './instrumentation';
import { exitOnStartFailure } from '@sneakers/shared';
import { startCatalogService } from './service';

startCatalogService().catch(exitOnStartFailure('catalog-service'));
