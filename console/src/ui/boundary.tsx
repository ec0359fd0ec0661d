/** A page that throws while rendering shows a plain message instead of taking the whole console down. */
import { Component, type ReactNode } from 'react';
import { ErrorNotice } from './notice';

export class PageBoundary extends Component<{ children: ReactNode }, { failed: string | null }> {
  override state = { failed: null as string | null };

  static getDerivedStateFromError(error: unknown): { failed: string } {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.failed) return <ErrorNotice title="页面出错了，请刷新后重试" message={this.state.failed} />;
    return this.props.children;
  }
}
