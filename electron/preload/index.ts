import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../../src/api/operation-names';

/** window.api: one method per operation and nothing else; each returns the {ok, value} / {ok:false, error} envelope. */
const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(`api:${name}`, input)]),
);
contextBridge.exposeInMainWorld('api', Object.freeze(api));
