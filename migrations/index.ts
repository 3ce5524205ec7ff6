import * as migration_20261125_202639_initial from './20261125_202639_initial';

export const migrations = [
  {
    up: migration_20261125_202639_initial.up,
    down: migration_20261125_202639_initial.down,
    name: '20261125_202639_initial'
  },
];
