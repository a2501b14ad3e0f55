/** The parts of the admin area, in the order of its navigation. */
export const ADMIN_SECTIONS = ['organisations', 'staff', 'persons', 'settings', 'audit'] as const;
