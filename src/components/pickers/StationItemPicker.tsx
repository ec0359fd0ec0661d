import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { getStationWithItems, listStations, type StationSummary } from '../../services/stations';
import { errorMessage } from '../../services/transport';
import { SearchPicker } from './SearchPicker';

export interface StationItemChoice {
  stationId: string;
  stationName: string;
  itemId: string;
  itemName: string;
}

/** Choose a station by searching its name or district, then one of its bookable items. */
export function StationItemPicker({
  value,
  onChange,
  error,
}: {
  value: StationItemChoice | null;
  onChange: (choice: StationItemChoice) => void;
  error?: string | null;
}) {
  const [station, setStation] = useState<StationSummary | null>(null);
  const [items, setItems] = useState<{
    loading: boolean;
    list: { itemId: string; name: string }[];
    error: string | null;
  }>({ loading: false, list: [], error: null });

  const chooseStation = async (s: StationSummary) => {
    setStation(s);
    setItems({ loading: true, list: [], error: null });
    try {
      const detail = await getStationWithItems(s.stationId);
      setItems({ loading: false, list: detail.items.map((i) => ({ itemId: i.itemId, name: i.name })), error: null });
    } catch (e) {
      setItems({ loading: false, list: [], error: errorMessage(e) });
    }
  };

  return (
    <View className="station-item-picker">
      <SearchPicker<StationSummary>
        label="驿站"
        name="station"
        chosen={station ? station.name : (value?.stationName ?? null)}
        placeholder="输入驿站名称或所在镇街搜索"
        searchEmpty
        search={async (keyword) => (await listStations({ keyword: keyword || undefined, limit: 20 })).items}
        keyOf={(s) => s.stationId}
        renderOption={(s) => (
          <View className="station-option">
            <Text className="search-picker__title">{s.name}</Text>
            <Text className="search-picker__sub">{`${s.kindLabel} · ${s.district}`}</Text>
          </View>
        )}
        onChoose={(s) => void chooseStation(s)}
        emptyText="没有找到匹配的驿站"
      />
      {station ? (
        <View className="form-field form-field--item">
          <View className="form-field__label">预约项目</View>
          {items.loading ? <View className="search-picker__note">正在加载…</View> : null}
          {items.error ? (
            <View className="search-picker__note search-picker__note--error" role="alert">
              {items.error}
            </View>
          ) : null}
          {!items.loading && !items.error && items.list.length === 0 ? (
            <View className="search-picker__note">该驿站没有可预约项目</View>
          ) : null}
          <View className="item-options">
            {items.list.map((item) => (
              <View
                key={item.itemId}
                role="button"
                aria-pressed={value?.itemId === item.itemId}
                className={`choice-chip item-option ${value?.itemId === item.itemId ? 'choice-chip--on' : ''}`}
                onClick={() =>
                  onChange({
                    stationId: station.stationId,
                    stationName: station.name,
                    itemId: item.itemId,
                    itemName: item.name,
                  })
                }
              >
                {item.name}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {error ? (
        <View className="form-field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}
