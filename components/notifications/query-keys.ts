/** TanStack Query key of the unread count, shared by the bell and the list that changes it. */
export const UNREAD_QUERY_KEY = ["notifications", "unread"] as const;
