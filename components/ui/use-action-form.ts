"use client";
// react-hook-form + the shared zod schema on the client; the server action parses the same
// schema again and its field errors land next to the same fields. The schema may be given as a
// loader (() => import("@/lib/<domain>/schemas").then((m) => m.x)): zod and the schema then load
// when the form first validates, not with the page, which keeps zod out of every page's first load.
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  schema: S | (() => Promise<S>),
  action: (input: z.input<S>) => Promise<ActionResult<R>>,
  options: {
    defaultValues?: DefaultValues<z.input<S>>;
    /**
     * An edit of an existing row: the form also sends what it showed (its default values) as
     * `shown`, and the save writes only what was changed here (lib/edits.ts), so a change another
     * admin saved after the form opened stays.
     */
    edit?: boolean;
    onSuccess?: (result: Extract<ActionResult<R>, { ok: true }>) => void;
  },
) {
  // Loaded on the first validation; the module system keeps it for the next ones.
  const resolver: Resolver<z.input<S>, unknown, z.output<S>> = async (values, context, resolverOptions) => {
    const [loaded, { zodResolver }] = await Promise.all([typeof schema === "function" ? schema() : schema, import("@hookform/resolvers/zod")]);
    return (zodResolver(loaded as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>)(values, context, resolverOptions);
  };
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver, defaultValues: options.defaultValues, mode: "onTouched" });
  // What the form showed when it opened, as useForm keeps its defaults: an edit sends it as `shown`.
  const [shown] = useState(options.defaultValues);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async () => {
    setFormError(null);
    // Send what the user typed; the server parses it with the same schema.
    const values = form.getValues();
    const result = await action(options.edit ? ({ ...values, shown } as z.input<S>) : values);
    if (!result) return;
    if (result.ok) {
      options.onSuccess?.(result);
      return;
    }
    // The first field the server refused takes the focus, as the client's own validation does.
    Object.entries(result.fieldErrors ?? {}).forEach(([field, message], i) => {
      form.setError(field as Path<z.input<S>>, { message }, { shouldFocus: i === 0 });
    });
    setFormError(result.error);
  });
  return { form, submit, formError, setFormError, pending: form.formState.isSubmitting };
}
