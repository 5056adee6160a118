import { InputError } from '../../../kit';
import { workflowRunPayload } from '../testing/workflowRunPayload';
import { githubRunStatus } from './githubRunStatus';
import { workflowRunToInput } from './workflowRunToInput';

describe('workflowRunToInput', () => {
  it('maps a completed run to a finished run of the repository, keyed by the workflow run id', () => {
    expect(workflowRunToInput(workflowRunPayload({ id: 77, name: 'CI', repository: 'Harbor-and-Finch/Web-Shop', branch: 'release' }))).toEqual({
      externalId: 'github:77',
      projectSlug: 'Harbor-and-Finch/Web-Shop',
      pipeline: 'CI',
      status: 'succeeded',
      commitSha: 'acb5820ced9479c074f688cc328bf03f341a511d',
      branch: 'release',
      url: 'https://github.com/Harbor-and-Finch/Web-Shop/actions/runs/77',
      startedAt: '2026-11-20T10:00:00Z',
      finishedAt: '2026-11-20T10:04:30Z',
      sourceUpdatedAt: '2026-11-20T10:04:30Z',
    });
  });

  it('leaves a run in progress unfinished, though GitHub stamps updated_at on every change', () => {
    const input = workflowRunToInput(workflowRunPayload({ status: 'in_progress', conclusion: null }));
    expect(input.status).toBe('running');
    expect(input.finishedAt).toBeNull();
    expect(input.sourceUpdatedAt).toBe('2026-11-20T10:04:30Z');
  });

  it('falls back to created_at when the run has not started', () => {
    const payload = workflowRunPayload({ status: 'queued', conclusion: null });
    delete (payload.workflow_run as Partial<typeof payload.workflow_run>).run_started_at;
    payload.workflow_run.created_at = '2026-11-20T09:59:00Z';
    expect(workflowRunToInput(payload).startedAt).toBe('2026-11-20T09:59:00Z');
  });

  it('names the missing field', () => {
    expect(() => workflowRunToInput({})).toThrow(/"workflow_run"/);
    expect(() => workflowRunToInput({ ...workflowRunPayload(), repository: undefined })).toThrow(/"repository"/);
    const noName = workflowRunPayload();
    (noName.workflow_run as { name?: string }).name = '';
    expect(() => workflowRunToInput(noName)).toThrow(/workflow_run\.name/);
    const noId = workflowRunPayload();
    (noId.workflow_run as { id: unknown }).id = null;
    expect(() => workflowRunToInput(noId)).toThrow(InputError);
  });
});

describe('githubRunStatus', () => {
  it.each([
    ['requested', null, 'queued'],
    ['queued', null, 'queued'],
    ['waiting', null, 'queued'],
    ['in_progress', null, 'running'],
    ['completed', 'success', 'succeeded'],
    ['completed', 'failure', 'failed'],
    ['completed', 'timed_out', 'failed'],
    ['completed', 'startup_failure', 'failed'],
    ['completed', 'cancelled', 'cancelled'],
    ['completed', 'skipped', 'skipped'],
    ['completed', 'neutral', 'skipped'],
    ['completed', 'action_required', 'queued'],
  ])('%s / %s is %s', (status, conclusion, expected) => {
    expect(githubRunStatus(status, conclusion)).toBe(expected);
  });

  it('refuses what it does not know rather than guess', () => {
    expect(() => githubRunStatus('completed', 'exploded')).toThrow(/conclusion "exploded"/);
    expect(() => githubRunStatus('completed', null)).toThrow(InputError);
    expect(() => githubRunStatus('paused', null)).toThrow(/status "paused"/);
  });
});
