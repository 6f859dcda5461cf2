import { MapSchema, Schema, type } from '@colyseus/schema';

/**
 * The only Colyseus schema state: public room data that every client of the room may see.
 * Nothing private ever goes here (views travel as messages, cut per client).
 */
export class PublicSeat extends Schema {
  /** The holder's name; '' while nobody holds the seat. */
  @type('string') name = '';
  @type('string') controller = 'open';
  /** Somebody is connected to this seat now. */
  @type('boolean') connected = false;
  @type('boolean') ready = false;
}

export class PublicState extends Schema {
  @type('string') phase = 'setup';
  @type('number') round = 0;
  /** Absolute server time (ms) when the phase ends; 0 with no timer (setup, ended, paused). */
  @type('number') deadline = 0;
  @type('boolean') paused = false;
  /** By state id. */
  @type({ map: PublicSeat }) seats = new MapSchema<PublicSeat>();
}
