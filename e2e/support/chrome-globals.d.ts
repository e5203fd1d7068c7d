// The slice of the `chrome` global that tests call inside extension contexts (page.evaluate).
declare const chrome: {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
    };
    sync: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> };
  };
  runtime: { id: string; sendMessage(message: unknown): Promise<unknown> };
};
