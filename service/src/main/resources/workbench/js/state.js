// What one screen hands the next within this page: the draft just made, per pack. Memory only.
export const drafts = new Map();
