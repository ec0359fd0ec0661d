import type { ReactElement } from 'react';
import StateView from '../state-view';
import type { Resource } from './useResource';

/** Shows progress or the error with a retry until the resource is there, then renders it. */
export default function ResourceView<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactElement;
}) {
  if (resource.error) return <StateView kind="error" message={resource.error} onAction={resource.reload} />;
  if (resource.data === null) return <StateView kind="loading" />;
  return children(resource.data);
}

export { useResource } from './useResource';
