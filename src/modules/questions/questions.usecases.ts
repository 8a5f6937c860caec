import { newId } from '../../shared/ids.js';
import type { PageResult } from '../../shared/schemas/common.js';
import type { CreateQuestionInput, Question, QuestionSortField, UpdateQuestionInput } from '../../shared/schemas/questions.js';
import { now, required, type ListArgs, type EditArgs } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { QuestionFilters } from './questions.repository.js';

/** Adds a question to the bank. `builtIn` marks the starter set shipped with Inroads. */
export async function createQuestion({
  ctx,
  input,
  builtIn = false,
}: {
  ctx: AppContext;
  input: CreateQuestionInput;
  builtIn?: boolean;
}): Promise<{ question: Question }> {
  const at = now(ctx);
  const row: Question = {
    id: newId(),
    text: input.text,
    category: input.category,
    audiences: [...new Set(input.audiences)],
    favourite: input.favourite,
    builtIn,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.repos.questions.insert(row);
  return { question: required(await ctx.repos.questions.get(row.id), 'questions', row.id) };
}

export async function getQuestion({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ question: Question }> {
  return { question: required(await ctx.repos.questions.get(id), 'questions', id) };
}

export async function listQuestions({ ctx, filters, sort, page }: ListArgs<QuestionFilters, QuestionSortField>): Promise<PageResult<Question>> {
  return ctx.repos.questions.list(filters, sort, page);
}

export async function updateQuestion({ ctx, id, input }: EditArgs<UpdateQuestionInput>): Promise<{ question: Question }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.questions.get(id), 'questions', id);
    const { audiences, ...rest } = input;
    await tx.repos.questions.update(id, { ...rest, ...(audiences ? { audiences: [...new Set(audiences)] } : {}), updatedAt: now(tx) });
    return { question: required(await tx.repos.questions.get(id), 'questions', id) };
  });
}

export async function deleteQuestion({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.questions.get(id), 'questions', id);
    await tx.repos.questions.delete(id);
    return { id };
  });
}
