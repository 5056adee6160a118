import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { TechdocsContext } from './context';
import type { DocPageRecord } from './data/docPageRecord';
import type { DocSiteRecord } from './data/docSiteRecord';
import { findDocSites } from './data/findDocSites';
import { findSitePages } from './data/findSitePages';

/**
 * Per request: one query for the docs of every entity in a response, and one for the
 * pages of all of them, however many entities the gateway sends.
 */
export const techdocsLoaders = requestScoped((context: TechdocsContext) => ({
  docSites: new DataLoader<string, DocSiteRecord | null>((refs) => findDocSites(context.reads, refs)),
  sitePages: new DataLoader<string, DocPageRecord[]>((refs) => findSitePages(context.prisma, refs)),
}));
