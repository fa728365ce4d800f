import './instrumentation';
import { exitOnStartFailure } from '@sneakers/kit';
import { startCatalogService } from './service';

startCatalogService().catch(exitOnStartFailure('catalog-service'));
