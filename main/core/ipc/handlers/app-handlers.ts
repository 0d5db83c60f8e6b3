import type { CoreContext } from '../../core-context';
import type { HandlerMap } from '../router';

type AppChannels = 'app.info' | 'settings.get' | 'settings.update';

export function createAppHandlers(ctx: CoreContext): Pick<HandlerMap, AppChannels> {
  function appInfo() {
    return ctx.info();
  }
  function getSettings() {
    return ctx.settings.get();
  }
  function updateSettings(patch: Parameters<HandlerMap['settings.update']>[0]) {
    const next = ctx.settings.update(patch);
    ctx.events.emit('settings.changed', next);
    return next;
  }
  return { 'app.info': appInfo, 'settings.get': getSettings, 'settings.update': updateSettings };
}
