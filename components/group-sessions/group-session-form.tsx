"use client";
import { useState, type FormEvent } from "react";
import { newRequestId } from "@/lib/domain/request-id";
import { z } from "zod";
import { createGroupSessionAction } from "@/app/(app)/group-sessions/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { GROUP_TOPICS } from "@/lib/domain/enums";
import { createGroupSessionSchema, MAX_ATTENDANCE } from "@/lib/schemas/group-session";
import type { AttendeeCandidate } from "@/lib/server/group-sessions/queries";
import { AttendeePicker } from "./attendee-picker";

type Errors = Record<string, string[] | undefined>;
type Props = { today: string; earliest: string; facilitator: string; candidates: AttendeeCandidate[] };

export function GroupSessionForm({ today, earliest, facilitator, candidates }: Props) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  // One id per submission: a retry after a lost response saves nothing twice. Success leaves the page.
  const [requestId] = useState(() => newRequestId());

  function toggle(id: string) {
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The id in state, not the hidden field's: the server render made its own.
    const input = { ...Object.fromEntries(form), childIds: form.getAll("childIds"), requestId };
    const parsed = createGroupSessionSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      setMessage(t("errors.validation"));
      return;
    }
    setPending(true);
    setMessage(null);
    // On success the action redirects to the new session, so only failures come back here.
    const result = await createGroupSessionAction(parsed.data).catch(() => null);
    setPending(false);
    if (result && !result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      setMessage(t(result.error.message));
    } else if (!result) {
      setMessage(t("errors.internal"));
    }
  }

  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);
  const count = { type: "number", inputMode: "numeric", min: 0, max: MAX_ATTENDANCE, step: 1 } as const;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="group-session-form">
      <input type="hidden" name="requestId" value={requestId} suppressHydrationWarning />
      <Field label={t("groupSession.name")} htmlFor="title" error={err("title")}>
        <TextInput id="title" name="title" maxLength={100} aria-invalid={!!err("title")} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("groupSession.topic")} htmlFor="topic" error={err("topic")}>
          <select id="topic" name="topic" className={inputClass} defaultValue="" aria-invalid={!!err("topic")}>
            <option value="" disabled>
              —
            </option>
            {GROUP_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`groupTopic.${topic}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("groupSession.heldOn")} htmlFor="heldOn" error={err("heldOn")}>
          <TextInput id="heldOn" name="heldOn" type="date" defaultValue={today} min={earliest} max={today} aria-invalid={!!err("heldOn")} />
        </Field>
        <Field label={t("groupSession.place")} htmlFor="place" error={err("place")}>
          <TextInput id="place" name="place" maxLength={100} aria-invalid={!!err("place")} />
        </Field>
        <Field label={t("groupSession.facilitator")} htmlFor="facilitator" error={err("facilitator")}>
          <TextInput id="facilitator" name="facilitator" maxLength={50} defaultValue={facilitator} aria-invalid={!!err("facilitator")} />
        </Field>
        <Field label={t("groupSession.childrenCount")} htmlFor="childrenCount" error={err("childrenCount")}>
          <TextInput id="childrenCount" name="childrenCount" {...count} aria-invalid={!!err("childrenCount")} />
        </Field>
        <Field label={t("groupSession.caregiversCount")} htmlFor="caregiversCount" error={err("caregiversCount")}>
          <TextInput id="caregiversCount" name="caregiversCount" {...count} aria-invalid={!!err("caregiversCount")} />
        </Field>
      </div>
      <Field label={t("groupSession.notes")} htmlFor="notes" hint={t("groupSession.notesHint")} error={err("notes")}>
        <textarea id="notes" name="notes" rows={3} maxLength={2000} className={`${inputClass} py-2`} aria-invalid={!!err("notes")} />
      </Field>
      <AttendeePicker candidates={candidates} picked={picked} onToggle={toggle} />
      {err("childIds") && (
        <p className="text-sm text-red-700" role="alert">
          {err("childIds")}
        </p>
      )}
      {message && (
        <p role="status" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {message}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("groupSession.saving") : t("groupSession.submit")}
      </Button>
    </form>
  );
}
