import { View, Text } from '@tarojs/components';
import { searchMembers, type MemberMatch } from '../../services/members';
import { SearchPicker } from './SearchPicker';

/** Admins and secretaries: choose a party member of their own scope by name instead of typing an openid. */
export function MemberPicker({
  label = '党员',
  name = 'openid',
  value,
  onChange,
  error,
  required,
}: {
  label?: string;
  name?: string;
  value: MemberMatch | null;
  onChange: (member: MemberMatch) => void;
  error?: string | null;
  required?: boolean;
}) {
  return (
    <SearchPicker<MemberMatch>
      label={label}
      name={name}
      chosen={value ? `${value.realName || value.nickname} · ${value.branchName}` : null}
      placeholder="输入姓名或昵称搜索"
      search={async (keyword) => (await searchMembers(keyword)).items}
      keyOf={(m) => m.openid}
      renderOption={(m) => (
        <View className={`member-option member-option--${m.openid}`}>
          <Text className="search-picker__title">{m.realName || m.nickname}</Text>
          <Text className="search-picker__sub">{m.branchName}</Text>
        </View>
      )}
      onChoose={onChange}
      error={error}
      required={required}
      emptyText="没有找到匹配的党员"
    />
  );
}
