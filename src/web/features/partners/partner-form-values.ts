import type { TPartner, TPartnerInput } from '../../../contracts/partners.js';
import { compactLocalized } from '../../components/localized-text-editor';

export interface LanguageSkillValue {
  language: string;
  level: string;
}

export interface ContactValue {
  id?: string;
  nameNative: string;
  nameLatin: string;
  position: string;
  email: string;
  phone: string;
  languages: LanguageSkillValue[];
}

export interface PartnerFormValues {
  names: Record<string, string>;
  nativeName: string;
  country: string;
  city: string;
  type: string;
  identifiers: { scheme: string; value: string }[];
  website: string;
  networkIds: string[];
  tags: string[];
  notes: string;
  contacts: ContactValue[];
}

export const EMPTY_CONTACT: ContactValue = {
  nameNative: '',
  nameLatin: '',
  position: '',
  email: '',
  phone: '',
  languages: [],
};

export function emptyPartnerValues(): PartnerFormValues {
  return {
    names: { en: '', 'zh-CN': '', fr: '', ar: '' },
    nativeName: '',
    country: '',
    city: '',
    type: '',
    identifiers: [],
    website: '',
    networkIds: [],
    tags: [],
    notes: '',
    contacts: [],
  };
}

export function partnerToValues(p: TPartner): PartnerFormValues {
  return {
    names: { ...emptyPartnerValues().names, ...p.names },
    nativeName: p.nativeName,
    country: p.country,
    city: p.city,
    type: p.type,
    identifiers: p.identifiers.map((i) => ({ ...i })),
    website: p.website,
    networkIds: p.networks.map((n) => n.id),
    tags: [...p.tags],
    notes: p.notes,
    contacts: p.contacts.map((c) => ({ ...c, languages: c.languages.map((l) => ({ ...l })) })),
  };
}

/** Form values → the request shape (still to be checked by ZPartnerInput). */
export function valuesToInput(v: PartnerFormValues): unknown {
  return {
    ...v,
    names: compactLocalized(v.names),
    contacts: v.contacts.map((c) => (c.id ? c : { ...c, id: undefined })),
  } satisfies Record<keyof TPartnerInput, unknown>;
}
