import "server-only";

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "editor" | "reviewer";
  disabled: boolean;
  createdAt: string;
};

export const USER_SELECT = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const;

export function presentUser(user: {
  id: string;
  email: string;
  name: string;
  role: UserView["role"];
  disabled: boolean;
  createdAt: Date;
}): UserView {
  return { ...user, createdAt: user.createdAt.toISOString() };
}
