import type { PersonalDataKind } from '../redact'

// Order matters: ID-card numbers before phones (an 18-digit ID contains
// 11-digit runs), emails before anything that could eat their digits.
export const personalDataPatterns: ReadonlyArray<readonly [PersonalDataKind, RegExp]> = [
  ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g],
  // Mainland resident ID: 6-digit region, birth date 18xx–20xx, 3 digits, check digit or X.
  [
    'idCard',
    /(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g,
  ],
  // First-generation 15-digit ID: region, yymmdd, 3 digits.
  [
    'idCard',
    /(?<![\dA-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\dA-Za-z])/g,
  ],
  // Mainland mobile: 1[3-9]x xxxx xxxx, with optional +86 / 0086 and space or dash groups.
  ['phone', /(?<![\d+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g],
  // International numbers written with a leading +.
  ['phone', /\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){1,2}(?:[\s.-]?\d{2,4}){2,4}(?!\d)/g],
  // Mainland landlines with area code: 010-12345678, (0755) 1234 5678.
  ['phone', /(?<!\d)(?:\(0\d{2,3}\)\s?|0\d{2,3}[\s-])\d{3,4}[\s-]?\d{4}(?!\d)/g],
  // North-American style: (212) 555-0100, 212-555-0100, 212.555.0100.
  ['phone', /(?<!\d)(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[\s.-]\d{4}(?!\d)/g],
  // Chinese street addresses: …路/街/大道/巷/弄/胡同 + number 号, with an optional building or room.
  [
    'address',
    /[\u4e00-\u9fff\d]{1,30}?(?:路|街|大道|大街|巷|弄|胡同)\s*\d{1,5}\s*号(?:[\u4e00-\u9fff\dA-Za-z-]{0,20}?(?:室|楼|层|单元|栋|座))*/g,
  ],
  // English street addresses: number, capitalised street name, street type, optional unit.
  [
    'address',
    /\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][A-Za-z0-9.'-]*\s+){1,5}(?:Street|Road|Avenue|Boulevard|Lane|Drive|Way|Court|Place|Square|Terrace|Parkway|Highway|(?:St|Rd|Ave|Blvd|Ln|Dr|Ct|Pl|Sq|Pkwy|Hwy)\b\.?)\b(?:,?\s*(?:Apt|Suite|Unit|Flat|#)\.?\s*[\w-]+)?/g,
  ],
]

// Keys whose value is personal data whatever it looks like. Matched after
// lower-casing and removing "_" and "-" (so first_name, firstName, FIRST-NAME).
export const personalKeys: ReadonlyMap<string, PersonalDataKind> = new Map([
  ...(
    [
      'name',
      'fullname',
      'firstname',
      'lastname',
      'givenname',
      'familyname',
      'surname',
      'middlename',
      'nickname',
      'customername',
      'contactname',
      'callername',
      'displayname',
    ] as const
  ).map((k) => [k, 'name'] as const),
  ...(
    [
      'phone',
      'phonenumber',
      'mobile',
      'mobilephone',
      'cellphone',
      'tel',
      'telephone',
      'fax',
    ] as const
  ).map((k) => [k, 'phone'] as const),
  ...(['email', 'emailaddress', 'mail'] as const).map((k) => [k, 'email'] as const),
  ...(
    [
      'address',
      'streetaddress',
      'street',
      'homeaddress',
      'postaladdress',
      'addressline1',
      'addressline2',
      'shippingaddress',
      'billingaddress',
    ] as const
  ).map((k) => [k, 'address'] as const),
  ...(
    [
      'idcard',
      'idcardnumber',
      'idnumber',
      'nationalid',
      'ssn',
      'passport',
      'passportnumber',
    ] as const
  ).map((k) => [k, 'idCard'] as const),
  ...(['wechat', 'wechatid', 'qq', 'weibo'] as const).map((k) => [k, 'contact'] as const),
])

export const normalizeKey = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '')
