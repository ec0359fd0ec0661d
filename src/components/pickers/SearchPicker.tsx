import { useEffect, useRef, useState, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { Field } from '../form-field';
import { errorMessage } from '../../services/transport';

const SEARCH_DELAY_MS = 300;

/**
 * A field whose value is chosen from a search: tap it, type part of a name, tap a result.
 * `search` answers the options for a keyword ('' for the first page when `searchEmpty`).
 */
export function SearchPicker<T>({
  label,
  name,
  chosen,
  placeholder,
  search,
  searchEmpty = false,
  keyOf,
  renderOption,
  onChoose,
  error,
  hint,
  required,
  emptyText,
}: {
  label: string;
  name: string;
  /** How the chosen value reads; null when none is chosen yet. */
  chosen: string | null;
  placeholder: string;
  search: (keyword: string) => Promise<T[]>;
  searchEmpty?: boolean;
  keyOf: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onChoose: (option: T) => void;
  error?: string | null;
  hint?: string;
  required?: boolean;
  emptyText: string;
}) {
  const [open, setOpen] = useState(false);
  const [keyword, setKeyword] = useState('');
  const [state, setState] = useState<{ loading: boolean; options: T[]; error: string | null }>({
    loading: false,
    options: [],
    error: null,
  });
  const latest = useRef(0);

  useEffect(() => {
    if (!open) return undefined;
    const words = keyword.trim();
    if (!words && !searchEmpty) {
      setState({ loading: false, options: [], error: null });
      return undefined;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true, error: null }));
      search(words).then(
        (options) => ticket === latest.current && setState({ loading: false, options, error: null }),
        (e: unknown) => ticket === latest.current && setState({ loading: false, options: [], error: errorMessage(e) }),
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open, keyword]); // eslint-disable-line react-hooks/exhaustive-deps -- `search` is a fresh closure each render

  return (
    <Field label={label} name={name} error={error} hint={hint} required={required}>
      <View className="search-picker">
        <View
          className={`picker-value ${chosen ? '' : 'picker-value--empty'}`}
          role="button"
          aria-expanded={open}
          aria-label={`${label}：${chosen ?? '未选择'}，点按${open ? '收起' : '搜索'}`}
          onClick={() => setOpen((o) => !o)}
        >
          <Text className="search-picker__chosen">{chosen ?? placeholder}</Text>
          <Text className="picker-value__arrow">{open ? '收起 ˄' : chosen ? '更换 ›' : '搜索 ›'}</Text>
        </View>
        {open ? (
          <View className="search-picker__panel">
            <Input
              className="search-picker__input"
              name={`${name}-search`}
              value={keyword}
              placeholder={placeholder}
              aria-label={`搜索${label}`}
              onChange={setKeyword}
              autoFocus
            />
            {state.loading ? <View className="search-picker__note">正在搜索…</View> : null}
            {state.error ? (
              <View className="search-picker__note search-picker__note--error" role="alert">
                {state.error}
              </View>
            ) : null}
            {!state.loading && !state.error && state.options.length === 0 ? (
              <View className="search-picker__note">
                {keyword.trim() || searchEmpty ? emptyText : '输入名称的一部分开始搜索'}
              </View>
            ) : null}
            {state.options.map((option) => (
              <View
                key={keyOf(option)}
                className="search-picker__option"
                role="button"
                onClick={() => {
                  onChoose(option);
                  setOpen(false);
                  setKeyword('');
                }}
              >
                {renderOption(option)}
              </View>
            ))}
          </View>
        ) : null}
      </View>
    </Field>
  );
}
