import {
  isNonEmptyString,
  isValidAnnotationKey,
  isValidAnnotationValue,
  isValidApiVersion,
  isValidDnsLabel,
  isValidDnsSubdomain,
  isValidKind,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidObjectName,
  isValidPrefixAndOrSuffix,
  isValidTag,
  isValidUrl,
} from './fieldValidators';

const long = (n: number) => 'a'.repeat(n);

describe('isValidObjectName (metadata.name)', () => {
  it.each(['a', 'a-b', 'a_b', 'a.b', 'A1', 'My-Service_2.0', long(63)])('accepts %p', v => {
    expect(isValidObjectName(v)).toBe(true);
  });
  it.each(['', '-a', 'a-', '_a', 'a.', 'a b', 'a/b', 'a:b', 'ä', long(64), 7, null, undefined])(
    'rejects %p',
    v => {
      expect(isValidObjectName(v)).toBe(false);
    },
  );
});

describe('isValidNamespace / isValidDnsLabel', () => {
  it.each(['default', 'a', 'team-a', 'a1-b2', long(63)])('accepts %p', v => {
    expect(isValidNamespace(v)).toBe(true);
    expect(isValidDnsLabel(v)).toBe(true);
  });
  it.each(['', 'Default', 'a_b', 'a.b', '-a', 'a-', 'a--b', long(64), 1])('rejects %p', v => {
    expect(isValidNamespace(v)).toBe(false);
  });
});

describe('isValidDnsSubdomain', () => {
  it('accepts dot-separated labels up to 253 characters', () => {
    expect(isValidDnsSubdomain('backstage.io')).toBe(true);
    expect(isValidDnsSubdomain(Array(4).fill(long(63)).join('.').slice(0, 253))).toBe(true);
  });
  it('rejects bad labels and overlong values', () => {
    expect(isValidDnsSubdomain('Backstage.io')).toBe(false);
    expect(isValidDnsSubdomain('a..b')).toBe(false);
    expect(isValidDnsSubdomain(Array(5).fill(long(60)).join('.'))).toBe(false);
    expect(isValidDnsSubdomain(3)).toBe(false);
  });
});

describe('isValidKind', () => {
  it.each(['Component', 'API', 'a', 'MyKind2', long(63)])('accepts %p', v => {
    expect(isValidKind(v)).toBe(true);
  });
  it.each(['', '1Kind', 'my-kind', 'my_kind', 'My Kind', long(64), null])('rejects %p', v => {
    expect(isValidKind(v)).toBe(false);
  });
});

describe('isValidApiVersion', () => {
  it.each(['backstage.io/v1alpha1', 'v1', 'my-company.net/v1', 'scaffolder.backstage.io/v1beta3'])(
    'accepts %p',
    v => {
      expect(isValidApiVersion(v)).toBe(true);
    },
  );
  it.each(['', 'backstage.io/', '/v1', 'a/b/c', 'Backstage.io/v1', 'backstage.io/v1-alpha', 7])(
    'rejects %p',
    v => {
      expect(isValidApiVersion(v)).toBe(false);
    },
  );
});

describe('label and annotation keys', () => {
  it.each(['app', 'backstage.io/managed-by-location', 'example.com/Some_Key.v2'])('accepts %p', v => {
    expect(isValidLabelKey(v)).toBe(true);
    expect(isValidAnnotationKey(v)).toBe(true);
  });
  it.each(['', '/name', 'Example.com/name', 'a/b/c', 'example.com/', 'key with space', 5])(
    'rejects %p',
    v => {
      expect(isValidLabelKey(v)).toBe(false);
      expect(isValidAnnotationKey(v)).toBe(false);
    },
  );
});

describe('label and annotation values', () => {
  it('allows empty label values, unlike names', () => {
    expect(isValidLabelValue('')).toBe(true);
    expect(isValidLabelValue('go1.15.3')).toBe(true);
    expect(isValidLabelValue('go 1.15')).toBe(false);
    expect(isValidLabelValue(long(64))).toBe(false);
  });
  it('allows any string as annotation value', () => {
    expect(isValidAnnotationValue('')).toBe(true);
    expect(isValidAnnotationValue('any thing: at all / 1')).toBe(true);
    expect(isValidAnnotationValue(1)).toBe(false);
  });
});

describe('isValidTag', () => {
  it.each(['java', 'c++', 'c#', 'lang:go', 'a-b', 'go1', long(63)])('accepts %p', v => {
    expect(isValidTag(v)).toBe(true);
  });
  it.each(['', 'Java', 'go 1.15.3', 'a_b', 'a.b', '-a', 'a-', 'a--b', 'ai/ml', long(64), 1])(
    'rejects %p',
    v => {
      expect(isValidTag(v)).toBe(false);
    },
  );
});

describe('isValidUrl and isNonEmptyString', () => {
  it('accepts what the URL parser accepts', () => {
    expect(isValidUrl('https://example.com/a?b=c')).toBe(true);
    expect(isValidUrl('mailto:team@example.com')).toBe(true);
    expect(isValidUrl('example.com')).toBe(false);
    expect(isValidUrl(undefined)).toBe(false);
  });
  it('needs a string with something besides whitespace', () => {
    expect(isNonEmptyString('x')).toBe(true);
    expect(isNonEmptyString('   ')).toBe(false);
    expect(isNonEmptyString(3)).toBe(false);
  });
});

describe('isValidPrefixAndOrSuffix', () => {
  const yes = () => true;
  const isA = (p: string) => p === 'a';
  it('checks the suffix alone when there is no separator', () => {
    expect(isValidPrefixAndOrSuffix('a', '/', () => false, isA)).toBe(true);
  });
  it('checks both parts around one separator', () => {
    expect(isValidPrefixAndOrSuffix('x/a', '/', yes, isA)).toBe(true);
    expect(isValidPrefixAndOrSuffix('x/b', '/', yes, isA)).toBe(false);
  });
  it('rejects more than one separator and non-strings', () => {
    expect(isValidPrefixAndOrSuffix('x/y/a', '/', yes, yes)).toBe(false);
    expect(isValidPrefixAndOrSuffix(null, '/', yes, yes)).toBe(false);
  });
});
