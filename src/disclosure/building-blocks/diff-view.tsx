import type { VNode } from 'preact';
import type { DiffSegment } from './diff.ts';

/**
 * A diff as text with <ins>/<del>. Screen readers do not announce those elements, so each change
 * carries visually hidden start/end labels (新增/删除). Line breaks are kept (pre-wrap).
 */
export function renderDiff(segments: readonly DiffSegment[]): VNode {
  return (
    <div class="diff" style="white-space: pre-wrap">
      {segments.map((s) => {
        if (s.op === 'eq') return s.text;
        const label = s.op === 'ins' ? '新增' : '删除';
        const body = (
          <>
            <span class="visually-hidden">[{label}开始]</span>
            {s.text}
            <span class="visually-hidden">[{label}结束]</span>
          </>
        );
        return s.op === 'ins' ? <ins>{body}</ins> : <del>{body}</del>;
      })}
    </div>
  );
}
