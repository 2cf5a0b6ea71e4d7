import HubProtocol

/// Real-looking material the generator draws from: areas with their real GB/T 2260 codes, plate
/// prefixes and vehicle offices; names; vehicle makers with their real world manufacturer
/// identifiers; places.
enum PoliceCatalogue {
    struct Area {
        let code: String
        let name: String
        let platePrefix: String
        let vehicleOffice: String
    }

    static let areas: [Area] = [
        Area(code: "110105", name: "北京市朝阳区", platePrefix: "京A", vehicleOffice: "北京市公安局公安交通管理局车辆管理所"),
        Area(code: "110108", name: "北京市海淀区", platePrefix: "京N", vehicleOffice: "北京市公安局公安交通管理局车辆管理所"),
        Area(code: "310105", name: "上海市长宁区", platePrefix: "沪A", vehicleOffice: "上海市公安局交通警察总队车辆管理所"),
        Area(code: "440305", name: "广东省深圳市南山区", platePrefix: "粤B", vehicleOffice: "深圳市公安局交通警察支队车辆管理所"),
        Area(code: "510107", name: "四川省成都市武侯区", platePrefix: "川A", vehicleOffice: "成都市公安局交通管理局车辆管理所"),
        Area(code: "330106", name: "浙江省杭州市西湖区", platePrefix: "浙A", vehicleOffice: "杭州市公安局交通警察支队车辆管理所"),
        Area(code: "420106", name: "湖北省武汉市武昌区", platePrefix: "鄂A", vehicleOffice: "武汉市公安局交通管理局车辆管理所"),
    ]

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "欧阳", "司马"]
    static let givenNameCharacters = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国志文斌海波宁晨浩宇欣怡子轩雨涵思远")

    static let streets = ["城关街道", "新华街道", "人民路街道", "解放街道", "和平街道", "中山街道", "建设街道"]
    static let roads = ["建国路", "人民路", "中山路", "解放大道", "长江路", "学府路", "滨河路", "光明街"]

    struct Model {
        let worldManufacturer: String
        let brand: String
        let model: String
        let vehicleType: String
    }

    static let models: [Model] = [
        Model(worldManufacturer: "LSV", brand: "大众", model: "帕萨特 2021款 330TSI", vehicleType: "小型轿车"),
        Model(worldManufacturer: "LFV", brand: "大众", model: "迈腾 2020款 330TSI", vehicleType: "小型轿车"),
        Model(worldManufacturer: "LGB", brand: "日产", model: "轩逸 2022款 1.6L", vehicleType: "小型轿车"),
        Model(worldManufacturer: "LSG", brand: "别克", model: "GL8 2019款 652T", vehicleType: "小型普通客车"),
        Model(worldManufacturer: "LHG", brand: "本田", model: "雅阁 2021款 260TURBO", vehicleType: "小型轿车"),
        Model(worldManufacturer: "LBV", brand: "宝马", model: "5系 2022款 530Li", vehicleType: "小型轿车"),
        Model(worldManufacturer: "LGX", brand: "比亚迪", model: "汉 EV 2023款", vehicleType: "小型轿车"),
    ]

    static let mortgagees = ["中国工商银行股份有限公司北京朝阳支行", "招商银行股份有限公司深圳分行", "上汽通用汽车金融有限责任公司", "中国建设银行股份有限公司成都第一支行"]
    static let seizingCourts = [("北京市海淀区人民法院", "京0108"), ("上海市长宁区人民法院", "沪0105"), ("深圳市南山区人民法院", "粤0305")]

    static let destinations = ["泰国曼谷", "日本东京", "新加坡", "中国香港", "韩国首尔", "马来西亚吉隆坡", "美国洛杉矶"]
    static let ports = ["北京首都国际机场", "上海浦东国际机场", "深圳湾口岸", "广州白云国际机场", "成都天府国际机场"]
    static let hotels = [
        ("如家酒店（上海虹桥店）", "上海市长宁区虹桥路1号"), ("汉庭酒店（北京国贸店）", "北京市朝阳区建国路93号"),
        ("锦江之星（成都武侯祠店）", "四川省成都市武侯区武侯祠大街266号"), ("全季酒店（杭州西湖店）", "浙江省杭州市西湖区北山街28号"),
        ("维也纳酒店（深圳南山店）", "广东省深圳市南山区南山大道1088号"),
    ]
    static let sightingPlaces = ["北京市朝阳区东三环中路国贸桥", "上海市长宁区延安西路中山公园段", "深圳市南山区深南大道科技园段", "成都市机动车检测站（武侯）", "杭州市车辆管理所西湖分所"]
    static let findingOffices = [("北京市公安局朝阳分局", "010-85953110"), ("上海市公安局长宁分局", "021-62001234"), ("深圳市公安局南山分局", "0755-26661110")]
}
