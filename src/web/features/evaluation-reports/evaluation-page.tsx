import { Navigate, useParams } from 'react-router';

/**
 * /projects/:id/evaluation: the project's Evaluation tab (the project page keeps its header,
 * status and the other tabs around it), so that the evaluation has an address of its own.
 */
export function ProjectEvaluationPage() {
  const { id } = useParams();
  return <Navigate to={`/projects/${encodeURIComponent(id ?? '')}?tab=evaluation`} replace />;
}
