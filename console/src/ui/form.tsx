/** Dialog forms: rules checked beside each field in Chinese, the server's refusal put beside its field too. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Form, type FormInstanceFunctions } from 'tdesign-react/esm/form';
import { MessagePlugin } from 'tdesign-react/esm/message';
import { messageOf } from '../api';
import { ErrorNotice } from './notice';
import { fieldOfServerError } from './server-error';

export { fieldOfServerError };

export type Values = Record<string, unknown>;

export const required = (what: string) => ({ required: true, message: `请填写${what}` });
export const requiredPick = (what: string) => ({ required: true, message: `请选择${what}` });

export function FormDialog(props: {
  header: string;
  visible: boolean;
  onClose(): void;
  form: FormInstanceFunctions;
  /** Runs the write; answers the success message. Throwing shows the error beside the field it names. */
  onSubmit(values: Values): Promise<string>;
  confirmText?: string;
  width?: number;
  className?: string;
  initial?: Values;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { form, visible, initial } = props;
  const initialRef = useRef(initial);
  initialRef.current = initial;

  useEffect(() => {
    if (!visible) return;
    setError(null);
    form.reset();
    form.clearValidate();
    if (initialRef.current) form.setFieldsValue(initialRef.current);
  }, [visible, form]);

  async function submit() {
    if (busy) return;
    setError(null);
    const check = await form.validate();
    if (check !== true) return;
    setBusy(true);
    try {
      const message = await props.onSubmit(form.getFieldsValue(true) as Values);
      void MessagePlugin.success(message);
      props.onClose();
    } catch (e) {
      const onField = fieldOfServerError(e, Object.keys(form.getFieldsValue(true) as Values));
      if (onField) form.setValidateMessage({ [onField.field]: [{ type: 'error', message: onField.text }] });
      else setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      header={props.header}
      visible={visible}
      width={props.width ?? 560}
      className={props.className}
      onClose={props.onClose}
      closeOnOverlayClick={false}
      confirmBtn={{
        content: props.confirmText ?? '保存',
        loading: busy,
        disabled: busy,
        className: 'form-dialog__confirm',
      }}
      cancelBtn={{ content: '取消', disabled: busy }}
      onConfirm={() => void submit()}
      destroyOnClose={false}
    >
      <ErrorNotice message={error} />
      <Form
        form={form}
        labelWidth={112}
        labelAlign="right"
        colon={false}
        onSubmit={() => void submit()}
        resetType="initial"
      >
        {props.children}
      </Form>
    </Dialog>
  );
}

/** A TDesign form instance (its hook answers a one-element tuple). */
export function useFormInstance(): FormInstanceFunctions {
  const [form] = Form.useForm();
  return form!;
}

/**
 * Reads a submitted form by what its widgets hold, typed for the action it is sent to. The form's own rules ran
 * first; anything that still slips through (an empty number reads as NaN) the server refuses beside its field.
 */
export function fieldsOf(values: Values) {
  const text = (key: string): string => (typeof values[key] === 'string' ? (values[key] as string).trim() : '');
  return {
    /** An Input's text, trimmed ('' when empty). */
    text,
    /** An optional Input's text, trimmed; undefined when left empty. */
    optionalText: (key: string): string | undefined => text(key) || undefined,
    /** An InputNumber's number. */
    number: (key: string): number => (typeof values[key] === 'number' ? (values[key] as number) : Number.NaN),
    /** An optional InputNumber's number; undefined when left empty. */
    optionalNumber: (key: string): number | undefined =>
      typeof values[key] === 'number' ? (values[key] as number) : undefined,
    /** A multiple Select's values. */
    list: (key: string): string[] => (Array.isArray(values[key]) ? (values[key] as unknown[]).map(String) : []),
    /** A checkbox group's numbers. */
    numbers: (key: string): number[] => (Array.isArray(values[key]) ? (values[key] as unknown[]).map(Number) : []),
    /** A Select's value: one of the options it offers, `T` (the server checks it against the same list). */
    choice: <T extends string>(key: string): T => values[key] as T,
  };
}

/** Counts characters as the server does (TDesign's own `min`/`max` rules count a Chinese character as two). */
const characters = (v: unknown) => (typeof v === 'string' ? [...v.trim()].length : 0);
/** At most `n` characters (an empty field passes: `required` says so). */
export const maxChars = (n: number, message: string) => ({ validator: (v: unknown) => characters(v) <= n, message });
/** At least `n` characters once something is typed. */
export const minChars = (n: number, message: string) => ({
  validator: (v: unknown) => characters(v) === 0 || characters(v) >= n,
  message,
});
