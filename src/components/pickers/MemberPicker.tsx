import { View, Text } from '@tarojs/components';
import { searchMembers, type MemberMatch } from '../../services/members';
import { SearchPicker } from './SearchPicker';

/** Admin: choose a party member by name or branch instead of typing an openid. */
export function MemberPicker({ label = '党员', name = 'openid', value, onChange, error, required }: {
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
      chosen={value ? `${value.nickname} · ${value.branchName}` : null}
      placeholder="输入姓名或支部名称搜索"
      search={async (keyword) => (await searchMembers(keyword)).items}
      keyOf={(m) => m.openid}
      renderOption={(m) => (
        <View className={`member-option member-option--${m.openid}`}>
          <Text className="search-picker__title">{m.nickname}</Text>
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
