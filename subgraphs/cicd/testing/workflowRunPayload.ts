import { createHmac } from 'node:crypto';

export interface WorkflowRunFixture {
  id?: number;
  name?: string;
  repository?: string;
  status?: string;
  conclusion?: string | null;
  branch?: string;
  sha?: string;
  startedAt?: string;
  updatedAt?: string;
}

/**
 * A `workflow_run` delivery in the shape GitHub documents, trimmed to the fields the
 * plugin reads plus a few it ignores (a test fixture: the ids and names are invented).
 */
export function workflowRunPayload(run: WorkflowRunFixture = {}) {
  const repository = run.repository ?? 'harbor-and-finch/checkout-service';
  const id = run.id ?? 30433642;
  const startedAt = run.startedAt ?? '2026-11-20T10:00:00Z';
  return {
    action: run.status === 'completed' || run.status === undefined ? 'completed' : run.status,
    workflow_run: {
      id,
      name: run.name ?? 'Build',
      head_branch: run.branch ?? 'main',
      head_sha: run.sha ?? 'acb5820ced9479c074f688cc328bf03f341a511d',
      run_number: 562,
      run_attempt: 1,
      event: 'push',
      status: run.status ?? 'completed',
      conclusion: run.conclusion === undefined ? 'success' : run.conclusion,
      html_url: `https://github.com/${repository}/actions/runs/${id}`,
      created_at: startedAt,
      run_started_at: startedAt,
      updated_at: run.updatedAt ?? '2026-11-20T10:04:30Z',
    },
    repository: { id: 186853002, name: repository.split('/')[1], full_name: repository, private: false },
    sender: { login: 'octocat', type: 'User' },
  };
}

export interface WebhookDelivery {
  event?: string;
  body: string;
  /** Signs the body with this secret; `signature` overrides the header outright. */
  secret?: string;
  signature?: string;
  method?: string;
  contentType?: string;
}

/** Sends one delivery to the subgraph's webhook as GitHub would, and reads the JSON answer. */
export async function postWebhook(subgraphUrl: string, delivery: WebhookDelivery): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': delivery.contentType ?? 'application/json', 'user-agent': 'GitHub-Hookshot/test' };
  if (delivery.event !== undefined) headers['x-github-event'] = delivery.event;
  const signature = delivery.signature ?? (delivery.secret ? signBody(delivery.body, delivery.secret) : undefined);
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  const method = delivery.method ?? 'POST';
  const response = await fetch(new URL('/webhooks/github', subgraphUrl), {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : delivery.body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
