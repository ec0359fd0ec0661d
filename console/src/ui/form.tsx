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
      confirmBtn={{ content: props.confirmText ?? '保存', loading: busy, disabled: busy, className: 'form-dialog__confirm' }}
      cancelBtn={{ content: '取消', disabled: busy }}
      onConfirm={() => void submit()}
      destroyOnClose={false}
    >
      <ErrorNotice message={error} />
      <Form form={form} labelWidth={112} labelAlign="right" colon={false} onSubmit={() => void submit()} resetType="initial">
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
