import { useParams } from 'react-router';
import { ErrorState, Loading } from '../../ui/States.js';
import { ConversationOver } from './ConversationOver.js';
import { InterviewGone } from './InterviewGone.js';
import { isMissing, isOver, useInterview } from './interviews.api.js';
import { LiveConversation } from './LiveConversation.js';

/** Interview mode for the interview in the address, while the conversation is still to come or going on. */
export function InterviewMode() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  const i = interview.data;
  if (interview.isPending) return <Loading what="this interview" />;
  if (interview.isError || !i) return isMissing(interview.error) ? <InterviewGone /> : <ErrorState error={interview.error} retry={() => void interview.refetch()} />;
  if (isOver(i.status)) return <ConversationOver interview={i} />;
  return <LiveConversation interview={i} />;
}
