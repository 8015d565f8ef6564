import { LowdbStore } from './lowdbStore.js';
import type { Store } from './store.js';

/** The part of the bot's configuration that says where records are kept. */
export interface StoreSettings {
  /** `lowdb` (the default) keeps records as JSON files under `DATA_DIR`; `azure-blob` keeps them in a blob container. */
  readonly STORE?: 'lowdb' | 'azure-blob' | undefined;
  readonly DATA_DIR: string;
  readonly AZURE_STORAGE_CONNECTION_STRING?: string | undefined;
  /** The account's blob endpoint, reached with Azure's default credential (a managed identity in Azure) instead of a connection string. */
  readonly AZURE_STORAGE_ACCOUNT_URL?: string | undefined;
  readonly AZURE_STORAGE_CONTAINER?: string | undefined;
}

/**
 * Opens the store the settings name. The blob store's container is created here, so that a
 * wrong connection string stops the bot at start rather than at a user's first action.
 */
export async function createStore(settings: StoreSettings): Promise<Store> {
  if (settings.STORE === 'azure-blob') {
    if (!settings.AZURE_STORAGE_CONNECTION_STRING && !settings.AZURE_STORAGE_ACCOUNT_URL) {
      throw new Error('STORE=azure-blob needs AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL.');
    }
    if (!settings.AZURE_STORAGE_CONTAINER) {
      throw new Error('STORE=azure-blob needs AZURE_STORAGE_CONTAINER.');
    }
    // Loaded only when chosen: the Azure SDK holds tens of megabytes that the embedded store never needs.
    const { AzureBlobStore } = await import('./azureBlobStore.js');
    const account = settings.AZURE_STORAGE_CONNECTION_STRING ?? {
      url: settings.AZURE_STORAGE_ACCOUNT_URL as string,
      // A user-assigned identity is picked by AZURE_CLIENT_ID, which the infrastructure sets.
      credential: new (await import('@azure/identity')).DefaultAzureCredential(),
    };
    const store = new AzureBlobStore(account, settings.AZURE_STORAGE_CONTAINER);
    await store.open();
    return store;
  }
  return new LowdbStore(settings.DATA_DIR);
}
