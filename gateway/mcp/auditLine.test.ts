import { auditLine, MAX_AUDIT_ARGUMENT_CHARS } from './auditLine';

describe('auditLine', () => {
  it('names the caller, the tool, the outcome and the arguments on one line', () => {
    expect(auditLine({ caller: 'user:default/ada', tool: 'get_entities', args: { refs: ['component:a'] }, outcome: 'ok', chars: 120 })).toBe(
      'mcp: caller=user:default/ada tool=get_entities outcome=ok chars=120 args={"refs":["component:a"]}',
    );
  });

  it('bounds long arguments and keeps multi-line text on one line', () => {
    const line = auditLine({ caller: 'anonymous', tool: 'validate_descriptors', args: { yaml: `kind: Component\n${'x'.repeat(10_000)}` }, outcome: 'error\nBAD_USER_INPUT' });
    expect(line).not.toContain('\n');
    expect(line).toContain('outcome=error BAD_USER_INPUT');
    expect(line).toMatch(/\.\.\.\(10028 chars\)$/);
    expect(line.length).toBeLessThan(MAX_AUDIT_ARGUMENT_CHARS + 120);
  });
});
