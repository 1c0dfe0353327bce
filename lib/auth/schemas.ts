import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Adresse e-mail invalide.' }))
  .pipe(z.string().max(320));
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Au moins ${PASSWORD_MIN_LENGTH} caractères.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Au plus ${PASSWORD_MAX_LENGTH} caractères.` });
const name = z.string().trim().min(1, { error: 'Champ obligatoire.' }).max(100);

export const registerSchema = z
  .object({ firstName: name, lastName: name, email, password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    error: 'Les deux mots de passe ne correspondent pas.',
  });
export type RegisterInput = z.infer<typeof registerSchema>;

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    error: 'Les deux mots de passe ne correspondent pas.',
  });

export const createStaffUserSchema = z.object({
  firstName: name,
  lastName: name,
  email,
  role: z.enum(['sales', 'admin'], { error: 'Rôle inconnu.' }),
});
export type CreateStaffUserInput = z.infer<typeof createStaffUserSchema>;

export const changeStaffRoleSchema = z.object({
  userId: z.uuid(),
  role: z.enum(['sales', 'admin'], { error: 'Rôle inconnu.' }),
});

export const setUserStatusSchema = z.object({
  userId: z.uuid(),
  status: z.enum(['active', 'deactivated']),
});
