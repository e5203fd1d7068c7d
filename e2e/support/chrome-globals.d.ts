// The slice of the `chrome` global that tests call inside extension contexts (page.evaluate).
declare const chrome: {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
    };
    sync: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> };
    session: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
    };
  };
  runtime: { id: string; sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string; getManifest(): { version: string } };
  alarms: {
    create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void>;
    getAll(): Promise<Array<{ name: string; scheduledTime: number; periodInMinutes?: number }>>;
    get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined>;
  };
  notifications: {
    /** Notifications currently shown, by id. */
    getAll(): Promise<Record<string, boolean>>;
    clear(notificationId: string): Promise<boolean>;
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
  };
  declarativeNetRequest: {
    getSessionRules(): Promise<Array<{ id: number }>>;
    getDynamicRules(): Promise<Array<{ id: number }>>;
    updateSessionRules(options: { addRules?: DnrRule[]; removeRuleIds?: number[] }): Promise<void>;
    updateDynamicRules(options: { addRules?: DnrRule[]; removeRuleIds?: number[] }): Promise<void>;
  };
  /** Present in builds granted the "scripting" permission. */
  scripting: { getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
};

interface DnrRule {
  id: number;
  condition: { urlFilter: string };
  action: { type: 'block' };
}
