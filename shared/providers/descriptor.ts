import type { Capability, ProviderId } from '../domain';

/**
 * What varies between client-management APIs, stated as data (docs/architecture.md §3).
 * Main builds its validation, auth and paging from it; the renderer builds forms, columns, filters and details.
 * Label keys are i18next keys; a provider's strings live in its own namespace file.
 */

export type FieldType = 'text' | 'multiline' | 'integer' | 'email' | 'url' | 'boolean' | 'enum' | 'secret' | 'date-time' | 'list';

export interface FieldRule {
  /** ECMAScript regex source the trimmed value must match. */
  pattern?: string;
  /** i18next key of the message shown when the pattern does not match. */
  patternMessageKey?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

export interface FieldDescriptor {
  /** Path in the form value: `name`, `identifier`, `description` or `extra.<key>` for typed extras. */
  key: string;
  labelKey: string;
  type: FieldType;
  required?: boolean;
  rule?: FieldRule;
  /** For `enum`. */
  options?: readonly string[];
  hintKey?: string;
  /** Shown in the client form on create / on edit (default true for both). */
  onCreate?: boolean;
  editable?: boolean;
}

export interface AuthMethodDescriptor {
  id: string;
  labelKey: string;
  /** Non-secret fields are stored with the connection; `secret` fields go to the keychain under their key as slot. */
  fields: readonly FieldDescriptor[];
}

export interface ColumnDescriptor {
  /** `name`, `identifier`, `status`, `createdAt`, `updatedAt`, `version`, `connection` or `extra.<key>`. */
  key: string;
  labelKey: string;
  sortKey?: 'name' | 'identifier' | 'status' | 'updatedAt';
  align?: 'start' | 'end';
}

export interface FilterDescriptor {
  key: string;
  labelKey: string;
  /** `status`: the common status; `facet`: the provider's one indexed facet column (e.g. a partner). */
  source: 'status' | 'facet';
}

export type PagingStyle =
  | { style: 'page'; pageSize: number; firstPage: 1 | 0 }
  | { style: 'offset'; pageSize: number }
  | { style: 'whole' }
  | { style: 'none' };

export interface ProviderDescriptor {
  id: ProviderId;
  /** Product name, shown as is (not translated). */
  displayName: string;
  descriptionKey: string;
  /** i18next namespace of the provider's strings. */
  namespace: string;
  baseUrl: { placeholder: string; httpsOnly?: boolean };
  authMethods: readonly AuthMethodDescriptor[];
  /** Connection settings beyond the base URL and auth (stored with the connection, never secret). */
  settings: readonly FieldDescriptor[];
  capabilities: readonly Capability[];
  client: {
    identifier: FieldDescriptor | null;
    fields: readonly FieldDescriptor[];
    /** The extra facet kept in its own indexed column for filters and the column (e.g. tokenization's partner). */
    facet?: { extraKey: string; labelKey: string };
    /** Fields shown in the detail, in order (`extra.<key>` or common keys). */
    detail: readonly { key: string; labelKey: string; type?: FieldType }[];
  };
  columns: readonly ColumnDescriptor[];
  filters: readonly FilterDescriptor[];
  paging: PagingStyle;
  update: 'patch' | 'put' | 'none';
  /** What Deactivate does: a status change, or the DELETE the API calls deactivation. */
  deactivate: 'status' | 'delete' | 'none';
}

export function secretFields(method: AuthMethodDescriptor): FieldDescriptor[] {
  return method.fields.filter((f) => f.type === 'secret');
}

export function authMethod(descriptor: ProviderDescriptor, id: string): AuthMethodDescriptor | undefined {
  return descriptor.authMethods.find((m) => m.id === id);
}
