import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';

const db = openDatabase(defaultDatabasePath());
migrateDatabase(db);
db.$client.close();
console.log('[baro] migrations applied');
