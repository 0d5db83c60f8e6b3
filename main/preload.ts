import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './shell/preload-api';

contextBridge.exposeInMainWorld('clientdesk', createPreloadApi(ipcRenderer));
