import type { HandlerMap } from '../../ipc/router';
import type { DirectoryService } from './directory-service';

type DirectoryChannels =
  | 'directory.importCertificate'
  | 'directory.certificate'
  | 'directory.rebuild'
  | 'directory.cancelRebuild'
  | 'directory.history'
  | 'credentials.list';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

export function createDirectoryHandlers(directory: DirectoryService): Pick<HandlerMap, DirectoryChannels> {
  return {
    'directory.importCertificate': (input: In<'directory.importCertificate'>) => directory.importCertificate(input),
    'directory.certificate': ({ connectionId }: In<'directory.certificate'>) => directory.certificate(connectionId),
    'directory.rebuild': (input: In<'directory.rebuild'>) => directory.rebuild(input),
    'directory.cancelRebuild': async ({ connectionId }: In<'directory.cancelRebuild'>) => ({ cancelled: directory.cancel(connectionId) }),
    'directory.history': async ({ connectionId, limit }: In<'directory.history'>) => directory.history(connectionId, limit),
    'credentials.list': () => directory.credentials(),
  };
}
