// Dexie needs an IndexedDB; unit tests get the in-memory one from fake-indexeddb.
import 'fake-indexeddb/auto';
