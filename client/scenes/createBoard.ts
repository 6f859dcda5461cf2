import * as Phaser from 'phaser';
import type { MatchController } from '../ui/controller';
import { BOARD } from '../display/palette';
import { BoardScene } from './BoardScene';

/**
 * Start the Phaser game inside `parent` with the board scene. Loaded on demand, so the lobby never
 * waits for the board engine. Returns what the page needs: keys and teardown.
 */
export function createBoard(parent: HTMLElement, ctrl: MatchController): { key(e: KeyboardEvent): boolean; destroy(): void; fit(): void } {
  const scene = new BoardScene();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: BOARD.background,
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 600 },
    input: { keyboard: false, activePointers: 3 },
    audio: { noAudio: true },
    banner: false,
    antialias: true,
    scene: [],
  });
  game.scene.add('board', scene, true, { ctrl });
  return {
    key: (e) => (scene.sys?.isActive() ? scene.key(e) : false),
    fit: () => scene.fit(),
    destroy: () => game.destroy(true),
  };
}
