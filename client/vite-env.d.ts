/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Port of the game server when the page comes from `vite` in development. */
  readonly VITE_SERVER_PORT?: string;
}
