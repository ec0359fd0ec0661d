/** What a real name and a phone must look like: shared by the server and the join, ask and volunteer forms (plain data and regexes: clients import it at run time, so no zod and no Node here). */
export const NAME_RULE = '姓名应为 2 到 20 个汉字（少数民族姓名可含间隔号「·」）';
export const PHONE_RULE = '手机号应为 11 位数字，以 1 开头';
export const NAME_PATTERN = /^[\u3400-\u9fff][\u3400-\u9fff·•]{0,18}[\u3400-\u9fff]$/;
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const isRealName = (name: string): boolean => NAME_PATTERN.test(name);
export const isPhone = (phone: string): boolean => PHONE_PATTERN.test(phone);
